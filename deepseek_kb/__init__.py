"""dskb: an offline, cited, bilingual knowledge base of DeepSeek's company and model history."""

__version__ = "0.1.0"
