from giaoviec.quick import main

main()
