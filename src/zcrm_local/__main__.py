from zcrm_local.cli import main

main()
