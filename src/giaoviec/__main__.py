from giaoviec.cli import main

main()
