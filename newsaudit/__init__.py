"""newsaudit: source-attribution, sourcing, readability and bias audits for news articles."""

__version__ = "0.1.0"
