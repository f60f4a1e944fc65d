"""Geocoders in geopy's shape: one interface, one module per backend."""
