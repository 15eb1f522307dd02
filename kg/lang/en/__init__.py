"""English language knowledge: position titles, organisation heads, agreement words."""
