# APC PowerNet-MIB rPDU2 (rack PDUs AP8xxx and later; rPDU2 = 1.3.6.1.4.1.318.1.1.26). Check the columns against
# the PowerNet-MIB revision of your firmware. The whole-PDU power is marked IT power (pue_role=it); outlet and
# phase power are not, so a PUE scope selecting pue_role=it counts each PDU once.
# rPDU2DeviceStatusEntry (.4.3.1): load state, power in hundredths of kW, energy in tenths of kWh
name=rpdu2_device_power;table=1.3.6.1.4.1.318.1.1.26.4.3.1;column=5;index_labels=pdu;label_columns=pdu_name:3;quantity=power;unit=kW;scale=0.01;pue_role=it
name=rpdu2_device_energy;table=1.3.6.1.4.1.318.1.1.26.4.3.1;column=9;index_labels=pdu;label_columns=pdu_name:3;quantity=energy;unit=kWh;scale=0.1;type=counter
name=rpdu2_device_load_state;table=1.3.6.1.4.1.318.1.1.26.4.3.1;column=4;index_labels=pdu;quantity=state
# rPDU2PhaseStatusEntry (.6.3.1): current in tenths of A, voltage in V, power in hundredths of kW
name=rpdu2_phase_current;table=1.3.6.1.4.1.318.1.1.26.6.3.1;column=5;index_labels=phase;quantity=current;unit=A;scale=0.1
name=rpdu2_phase_voltage;table=1.3.6.1.4.1.318.1.1.26.6.3.1;column=6;index_labels=phase;quantity=voltage;unit=V
name=rpdu2_phase_power;table=1.3.6.1.4.1.318.1.1.26.6.3.1;column=7;index_labels=phase;quantity=power;unit=kW;scale=0.01
# rPDU2OutletMeteredStatusEntry (.9.4.3.1): outlet name, current in tenths of A, power in W, energy in tenths of kWh
name=rpdu2_outlet_current;table=1.3.6.1.4.1.318.1.1.26.9.4.3.1;column=6;index_labels=outlet;label_columns=outlet_name:3;quantity=current;unit=A;scale=0.1
name=rpdu2_outlet_power;table=1.3.6.1.4.1.318.1.1.26.9.4.3.1;column=7;index_labels=outlet;label_columns=outlet_name:3;quantity=power;unit=W
name=rpdu2_outlet_energy;table=1.3.6.1.4.1.318.1.1.26.9.4.3.1;column=11;index_labels=outlet;label_columns=outlet_name:3;quantity=energy;unit=kWh;scale=0.1;type=counter
