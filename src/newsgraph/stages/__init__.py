"""Pipeline stages, in the order they run: segment → morph → syntax → ner → normalize → entities → link → quotes → events."""
