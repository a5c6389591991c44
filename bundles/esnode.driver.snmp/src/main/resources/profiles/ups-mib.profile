# UPS-MIB, RFC 1628 (upsMIB = 1.3.6.1.2.1.33): battery, input and output of a standard UPS.
# One point spec per line (the keys of docs/snmp.md). To extend: copy this file into the driver's profile_dir
# under a new name (or the same name to replace it) and add or edit lines.
name=ups_battery_status;oid=1.3.6.1.2.1.33.1.2.1.0;quantity=state
name=ups_seconds_on_battery;oid=1.3.6.1.2.1.33.1.2.2.0;metric=esnode_sensor_ups_on_battery_seconds
name=ups_battery_remaining;oid=1.3.6.1.2.1.33.1.2.3.0;scale=60;metric=esnode_sensor_ups_battery_remaining_seconds
name=ups_battery_charge;oid=1.3.6.1.2.1.33.1.2.4.0;metric=esnode_sensor_ups_battery_charge_percent
# upsBatteryVoltage is in 0.1 V DC, upsBatteryCurrent in 0.1 A DC
name=ups_battery_voltage;oid=1.3.6.1.2.1.33.1.2.5.0;quantity=voltage;unit=V;scale=0.1
name=ups_battery_current;oid=1.3.6.1.2.1.33.1.2.6.0;quantity=current;unit=A;scale=0.1
name=ups_battery_temperature;oid=1.3.6.1.2.1.33.1.2.7.0;quantity=temperature;unit=C
# upsInputTable (upsInputEntry = 1.3.6.1.2.1.33.1.3.3.1), one row per input line
name=ups_input_frequency;table=1.3.6.1.2.1.33.1.3.3.1;column=2;index_labels=line;quantity=frequency;unit=Hz;scale=0.1
name=ups_input_voltage;table=1.3.6.1.2.1.33.1.3.3.1;column=3;index_labels=line;quantity=voltage;unit=V
name=ups_input_current;table=1.3.6.1.2.1.33.1.3.3.1;column=4;index_labels=line;quantity=current;unit=A;scale=0.1
name=ups_input_power;table=1.3.6.1.2.1.33.1.3.3.1;column=5;index_labels=line;quantity=power;unit=W
name=ups_output_source;oid=1.3.6.1.2.1.33.1.4.1.0;quantity=state
name=ups_output_frequency;oid=1.3.6.1.2.1.33.1.4.2.0;quantity=frequency;unit=Hz;scale=0.1
# upsOutputTable (upsOutputEntry = 1.3.6.1.2.1.33.1.4.4.1), one row per output line
name=ups_output_voltage;table=1.3.6.1.2.1.33.1.4.4.1;column=2;index_labels=line;quantity=voltage;unit=V
name=ups_output_current;table=1.3.6.1.2.1.33.1.4.4.1;column=3;index_labels=line;quantity=current;unit=A;scale=0.1
name=ups_output_power;table=1.3.6.1.2.1.33.1.4.4.1;column=4;index_labels=line;quantity=power;unit=W
name=ups_output_load;table=1.3.6.1.2.1.33.1.4.4.1;column=5;index_labels=line;metric=esnode_sensor_ups_output_load_percent
