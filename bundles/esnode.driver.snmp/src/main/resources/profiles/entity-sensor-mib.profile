# ENTITY-SENSOR-MIB, RFC 3433 (entPhySensorEntry = 1.3.6.1.2.1.99.1.1.1), named by ENTITY-MIB entPhysicalName.
# entPhySensorValue is exported as it is; the labels sensor_type (RFC 3433 EntitySensorDataType: 3 voltsAC,
# 4 voltsDC, 5 amperes, 6 watts, 7 hertz, 8 celsius, 9 percentRH, 10 rpm …), sensor_scale (9 = units, 8 = milli,
# 10 = kilo …) and sensor_precision say how to read it. For one known sensor, copy the line into a profile of
# your own with quantity, unit and scale set.
name=entity_sensor_value;table=1.3.6.1.2.1.99.1.1.1;column=4;index_labels=entity;label_columns=sensor_type:1,sensor_scale:2,sensor_precision:3,sensor_units:6,entity_name:1.3.6.1.2.1.47.1.1.1.1.7
name=entity_sensor_status;table=1.3.6.1.2.1.99.1.1.1;column=5;index_labels=entity;quantity=state;label_columns=entity_name:1.3.6.1.2.1.47.1.1.1.1.7
