"""Reading the YAML safely, validating records and checking the KB as a whole."""
