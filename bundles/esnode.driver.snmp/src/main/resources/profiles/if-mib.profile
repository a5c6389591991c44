# IF-MIB, RFC 2863: interface traffic from ifXTable (64-bit counters, ifXEntry = 1.3.6.1.2.1.31.1.1.1) and
# status and errors from ifTable (ifEntry = 1.3.6.1.2.1.2.2.1); labels if_index, if_name and if_descr.
name=if_in_octets;table=1.3.6.1.2.1.31.1.1.1;column=6;type=counter;metric=esnode_snmp_if_in_octets;index_labels=if_index;label_columns=if_name:1,if_descr:1.3.6.1.2.1.2.2.1.2
name=if_out_octets;table=1.3.6.1.2.1.31.1.1.1;column=10;type=counter;metric=esnode_snmp_if_out_octets;index_labels=if_index;label_columns=if_name:1,if_descr:1.3.6.1.2.1.2.2.1.2
name=if_in_unicast_packets;table=1.3.6.1.2.1.31.1.1.1;column=7;type=counter;metric=esnode_snmp_if_in_unicast_packets;index_labels=if_index;label_columns=if_name:1
name=if_out_unicast_packets;table=1.3.6.1.2.1.31.1.1.1;column=11;type=counter;metric=esnode_snmp_if_out_unicast_packets;index_labels=if_index;label_columns=if_name:1
name=if_in_errors;table=1.3.6.1.2.1.2.2.1;column=14;type=counter;metric=esnode_snmp_if_in_errors;index_labels=if_index;label_columns=if_name:1.3.6.1.2.1.31.1.1.1.1
name=if_out_errors;table=1.3.6.1.2.1.2.2.1;column=20;type=counter;metric=esnode_snmp_if_out_errors;index_labels=if_index;label_columns=if_name:1.3.6.1.2.1.31.1.1.1.1
# ifOperStatus: 1 up, 2 down, 3 testing, 4 unknown, 5 dormant, 6 notPresent, 7 lowerLayerDown
name=if_oper_status;table=1.3.6.1.2.1.2.2.1;column=8;quantity=state;index_labels=if_index;label_columns=if_name:1.3.6.1.2.1.31.1.1.1.1
# ifHighSpeed is in Mbit/s
name=if_speed;table=1.3.6.1.2.1.31.1.1.1;column=15;scale=1000000;metric=esnode_snmp_if_speed_bits_per_second;index_labels=if_index;label_columns=if_name:1
