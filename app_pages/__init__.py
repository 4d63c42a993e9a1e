"""The dashboard's pages (one file each) and the small helpers they share."""
