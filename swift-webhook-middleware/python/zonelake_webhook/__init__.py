"""Zonelake's Swift proxy middleware: signed events about objects written into Swift, for the lake's receiver."""
