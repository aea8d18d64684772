"""The Debian package (.deb) of the bundle."""
