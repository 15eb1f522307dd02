"""Russian language knowledge: position words, organisation heads, legal forms, morphology."""
