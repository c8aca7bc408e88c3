"""The dskb commands, one module per group; `deepseek_kb.cli` registers and runs them."""
