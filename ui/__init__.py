"""Shared Streamlit pieces: translations, URL state, navigation, charts."""
