"""The verifier: compares what official sources say now with the registry, field by field.

It reads sources through scrapers/ and profiles through registry.api, and writes only through
registry.build (new versions, verification events) and its own run tables.
"""
