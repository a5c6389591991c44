#!/usr/bin/python3
"""pymodbus server with a fixed datastore for the ESNODE Modbus driver tests (run with Debian's /usr/bin/python3).

Usage: modbus_server.py tcp|rtu-tcp PORT   or   modbus_server.py serial DEVICE BAUD

Units 1, 2 and 3 exist; every other unit id is ignored (ignore_missing_slaves): it never answers.
Addresses are 0-based (zero_mode=True). Reads outside a block answer exception 2 (illegal data address).
"""
import logging
import sys

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.framer.rtu_framer import ModbusRtuFramer
from pymodbus.server import StartSerialServer, StartTcpServer

# unit 1, holding registers 0..49 (100.. answers exception 2):
#   0-1   0x436E 0x9BD4  float32 ABCD = 238.6087
#   2-3   0x729B 0x41B8  float32 CDAB = 23.05596
#   4     0xFFD2         int16 = -46
#   5-6   0x0001 0x0002  uint32 ABCD = 65538
#   10-12 'PM5560'       ASCII string, 13 = NUL
#   20-23 0x0000 0x0000 0x0001 0x0000  uint64 ABCD = 65536
#   30    0x0005         bits 0 and 2 set
UNIT1_HOLDING = [0] * 50
UNIT1_HOLDING[0:7] = [0x436E, 0x9BD4, 0x729B, 0x41B8, 0xFFD2, 0x0001, 0x0002]
UNIT1_HOLDING[10:14] = [0x504D, 0x3535, 0x3630, 0x0000]
UNIT1_HOLDING[20:24] = [0x0000, 0x0000, 0x0001, 0x0000]
UNIT1_HOLDING[30] = 0x0005


def unit(holding, inputs, coils, discretes):
    return ModbusSlaveContext(
        hr=ModbusSequentialDataBlock(0, holding),
        ir=ModbusSequentialDataBlock(0, inputs),
        co=ModbusSequentialDataBlock(0, coils),
        di=ModbusSequentialDataBlock(0, discretes),
        zero_mode=True)


def context():
    return ModbusServerContext(single=False, slaves={
        # input registers 100..109, coils 1,0,1,1,0,0,1,1, discrete inputs 0,1
        1: unit(UNIT1_HOLDING, list(range(100, 110)), [1, 0, 1, 1, 0, 0, 1, 1], [0, 1]),
        # unit 2: holding 0..9 = 200..209; unit 3: holding 0..9 = 300..309
        2: unit(list(range(200, 210)), [0] * 10, [0] * 8, [0] * 8),
        3: unit(list(range(300, 310)), [0] * 10, [0] * 8, [0] * 8),
    })


def main():
    logging.basicConfig(level=logging.WARNING)
    mode = sys.argv[1]
    if mode == "tcp":
        StartTcpServer(context=context(), address=("127.0.0.1", int(sys.argv[2])), ignore_missing_slaves=True)
    elif mode == "rtu-tcp":
        StartTcpServer(context=context(), address=("127.0.0.1", int(sys.argv[2])), framer=ModbusRtuFramer,
                       ignore_missing_slaves=True)
    elif mode == "serial":
        StartSerialServer(context=context(), framer=ModbusRtuFramer, port=sys.argv[2], baudrate=int(sys.argv[3]),
                          parity="N", stopbits=1, bytesize=8, ignore_missing_slaves=True)
    else:
        raise SystemExit("unknown mode " + mode)


if __name__ == "__main__":
    main()
