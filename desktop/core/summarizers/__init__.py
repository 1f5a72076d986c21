"""Précis's own sumy summarizers: faster versions of sumy's maths, usable wherever sumy's are."""
