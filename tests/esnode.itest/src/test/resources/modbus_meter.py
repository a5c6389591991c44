#!/usr/bin/python3
"""pymodbus TCP server for the OSGi Modbus test (Debian python3-pymodbus; run with /usr/bin/python3).

Usage: modbus_meter.py PORT
Unit 1 holding 0-1: float32 ABCD 0x4370 0x0000 = 240.0 (kW, the facility main meter); unit 2 holding 0 = 42.
"""
import logging
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartTcpServer


def unit(holding):
    return ModbusSlaveContext(hr=ModbusSequentialDataBlock(0, holding), zero_mode=True)


logging.basicConfig(level=logging.WARNING)
StartTcpServer(context=ModbusServerContext(single=False, slaves={1: unit([0x4370, 0x0000]), 2: unit([42])}),
               address=("127.0.0.1", int(sys.argv[1])), ignore_missing_slaves=True)
