"""Importers: bring the data people already have (LinkedIn, spreadsheets, job boards)."""
