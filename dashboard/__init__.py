"""The Streamlit dashboard: reads the store that ``extract`` fills and shows it as map, timeline and tables."""
