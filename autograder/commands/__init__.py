"""What the `autograder` subcommands do, one module each; cli.py only parses arguments."""
