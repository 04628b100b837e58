"""One router per area (STYLE: Datasette's views/): each serves HTML, its `.json` twin and `/api/...`."""
