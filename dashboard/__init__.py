"""The claimmap dashboard: a Streamlit page over a claims layer (see docs/dashboard.md).

The logic lives in small pure modules (``layerfile``, ``layerdata``, ``mapview``, ``popups``,
``exports``, ``assets``, ``basemap``) so it can be tested and benchmarked without Streamlit;
``controls`` holds the widgets and ``app.py`` only wires them together.
"""
