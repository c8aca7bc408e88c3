"""`dskb` and `python -m deepseek_kb`: the cycle collector set for one short run before the
command line is imported, then the run (`cli.main`)."""

import gc


def main() -> None:
    """Run dskb. Importing Typer, Click and Rich at the default thresholds is 34 collections
    of young objects, none of which are garbage (3 ms); `cli.main` keeps these thresholds for
    the run and freezes what is loaded."""
    gc.set_threshold(50_000, 20, 100)
    from deepseek_kb.cli import main as run

    run()


if __name__ == "__main__":
    main()
