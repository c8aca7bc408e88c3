"""What each command asks of the index, returned as data; nothing here prints."""
