"""The claimmap dashboard: a Streamlit page over a claims layer (see docs/dashboard.md).

The logic lives in small pure modules (``layerfile``, ``layerdata``, ``mapview``, ``popups``,
``exports``, ``assets``, ``basemap``, ``legend``, ``labels``, ``timeline``, ``urlstate``,
``daterange``) so it can be tested and benchmarked without Streamlit; ``controls`` and
``dates`` hold the filters and date widgets, ``sidepanel`` and ``feed`` the place panel and
the newest-claims feed, and ``app.py`` only wires them together.
"""
