"""khabar: Arabic news articles into structured, searchable, trustworthy knowledge."""

__version__ = "0.1.0"
