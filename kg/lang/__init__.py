"""Language-specific knowledge: spaCy languages and helpers per language."""
