"""The talent-fair job board of the Changchun International Optoelectronics Expo."""
