"""Everything drawn for a person: the terminal, the output switch, one view module per command group."""
