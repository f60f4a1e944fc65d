"""claimmap's pipeline: articles → sourced claims → places → one GeoJSON layer."""

__version__ = "0.1.0"
