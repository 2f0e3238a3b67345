"""The page-speed benchmark behind `make bench` (bench/README.md); not part of the site."""
