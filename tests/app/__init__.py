"""Dashboard tests in Streamlit's AppTest."""
