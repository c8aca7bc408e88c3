from deepseek_kb.cli import main

main()
