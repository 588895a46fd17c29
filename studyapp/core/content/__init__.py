"""Point records: deck files, codes, names, categories, and the cards made from a record."""
