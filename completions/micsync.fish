function __micsync_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __micsync_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __micsync_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __micsync_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __micsync_parse_tokens -S
    set -l unparsed_tokens (__micsync_tokens -pc)
    # micsync: the original's `--ACTION` completes as `ACTION` (micsync-completions: ScriptPatch)
    for original_index in (seq 2 (count $unparsed_tokens))
        switch $unparsed_tokens[$original_index]
            case -- backup work transfer tree verify
                break
            case --backup --work --transfer --tree --verify
                set -l action (string sub -s 3 -- $unparsed_tokens[$original_index])
                set -e unparsed_tokens[$original_index]
                set unparsed_tokens $unparsed_tokens[1] $action $unparsed_tokens[2..]
                break
        end
    end
    switch $unparsed_tokens[1]
    case 'micsync'
        __micsync_parse_subcommand 0 'backup' 'work' 'transfer' 'tree' 'verify' 'color=' 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'backup'
            __micsync_parse_subcommand -r 1 'm' 'prune' 'force' 's' 'v' 'print-commands' 'n/dry-run' 'q/quiet' 'list' 'no-trash' 'progress' 'no-progress' 'ignore-space' 'config=' 'config-name=' 'from=+' 'to=+' 'json' 'xattrs' 'acls' 'exclude=+' 'bwlimit=' 'checksum' 'strict' 'create' 'color=' 'version' 'h/help'
        case 'work'
            __micsync_parse_subcommand -r 1 'm' 'd' 'D' 'force' 's' 'v' 'print-commands' 'n/dry-run' 'q/quiet' 'list' 'no-trash' 'progress' 'no-progress' 'ignore-space' 'config=' 'config-name=' 'from=+' 'to=+' 'json' 'xattrs' 'acls' 'exclude=+' 'bwlimit=' 'checksum' 'strict' 'create' 'color=' 'version' 'h/help'
        case 'transfer'
            __micsync_parse_subcommand -r 1 'm' 'd' 'D' 'force' 's' 'v' 'print-commands' 'n/dry-run' 'q/quiet' 'list' 'no-trash' 'progress' 'no-progress' 'ignore-space' 'config=' 'config-name=' 'from=+' 'to=+' 'json' 'xattrs' 'acls' 'exclude=+' 'bwlimit=' 'checksum' 'strict' 'create' 'color=' 'version' 'h/help'
        case 'tree'
            __micsync_parse_subcommand -r 1 's' 'v' 'print-commands' 'n/dry-run' 'q/quiet' 'list' 'no-trash' 'progress' 'no-progress' 'ignore-space' 'config=' 'config-name=' 'from=+' 'to=+' 'json' 'xattrs' 'acls' 'exclude=+' 'bwlimit=' 'checksum' 'strict' 'create' 'color=' 'version' 'h/help'
        case 'status'
            __micsync_parse_subcommand -r 1 'config=' 'config-name=' 'changes' 'json' 'strict' 'version' 'h/help'
        case 'diff'
            __micsync_parse_subcommand -r 1 'c/checksum' 'v' 'print-commands' 'config=' 'config-name=' 'json' 'version' 'h/help'
        case 'config'
            __micsync_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'check'
                __micsync_parse_subcommand 0 'config=' 'version' 'h/help'
            case 'show'
                __micsync_parse_subcommand 0 'config=' 'version' 'h/help'
            case 'path'
                __micsync_parse_subcommand 0 'config=' 'version' 'h/help'
            case 'init'
                __micsync_parse_subcommand 0 'config=' 'version' 'h/help'
            end
        case 'trash'
            __micsync_parse_subcommand 0 'version' 'h/help'
            switch $unparsed_tokens[1]
            case 'list'
                __micsync_parse_subcommand -r 1 'config=' 'config-name=' 'json' 'version' 'h/help'
            case 'restore'
                __micsync_parse_subcommand 2 'location=' 'm' 'v' 'print-commands' 'n/dry-run' 'q/quiet' 'list' 'no-trash' 'progress' 'no-progress' 'ignore-space' 'config=' 'config-name=' 'version' 'h/help'
            case 'purge'
                __micsync_parse_subcommand -r 1 'older-than=' 'keep-last=' 'keep-hourly=' 'keep-daily=' 'keep-weekly=' 'keep-monthly=' 'keep-yearly=' 'keep-within=' 'prune-deleted' 'yes' 'n/dry-run' 'config=' 'config-name=' 'version' 'h/help'
            end
        case 'verify'
            __micsync_parse_subcommand -r 1 'v' 'print-commands' 'config=' 'config-name=' 'json' 'version' 'h/help'
        case 'adopt'
            __micsync_parse_subcommand -r 1 'config=' 'config-name=' 'version' 'h/help'
        case 'log'
            __micsync_parse_subcommand 0 'n/count=' 'json' 'version' 'h/help'
        case 'watch'
            __micsync_parse_subcommand 0 'config=' 'config-name=' 'install' 'uninstall' 'no-start' 'settle=' 'q/quiet' 'version' 'h/help'
        case 'unlock'
            __micsync_parse_subcommand -r 1 'config=' 'config-name=' 'version' 'h/help'
        case 'versions'
            __micsync_parse_subcommand 1 'c/checksum' 'json' 'config=' 'config-name=' 'version' 'h/help'
        case 'restore'
            __micsync_parse_subcommand 1 'at=' 'version=' 'from=' 'to=' 'd' 'm' 'v' 'print-commands' 'n/dry-run' 'q/quiet' 'list' 'no-trash' 'progress' 'no-progress' 'ignore-space' 'config=' 'config-name=' 'version' 'h/help'
        case 'help'
            __micsync_parse_subcommand -r 1 'version'
        end
    end
end

function __micsync_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __micsync_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __micsync_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __micsync_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__micsync_tokens -p)
    if test -z "$(__micsync_tokens -t)"
        set -l index (count (__micsync_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'micsync' -f
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync" backup' -l 'backup' -d 'The original\'s spelling of `micsync backup`.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync" work' -l 'work' -d 'The original\'s spelling of `micsync work`.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync" transfer' -l 'transfer' -d 'The original\'s spelling of `micsync transfer`.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync" tree' -l 'tree' -d 'The original\'s spelling of `micsync tree`.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync" verify' -l 'verify' -d 'The original\'s spelling of `micsync verify`.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync" color' -l 'color' -d 'When to colour: auto is on a terminal whose TERM is not dumb, without NO_COLOR.' -rfka 'auto always never'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'backup' -d 'Copy from a WORKING location to every accessible BACKUP; never deletes.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'work' -d 'Copy from a BACKUP to a WORKING location; may delete with -d or -D.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'transfer' -d 'Copy from one BACKUP to other BACKUPs; may delete with -d or -D.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'tree' -d 'Copy only the directory structure from a BACKUP to a WORKING location.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'status' -d 'Show every location: accessible or not, free space, last backup, pending changes.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'diff' -d 'Show what differs between the WORKING and each BACKUP; change nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'config' -d 'Check, show, locate or create the config file.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'trash' -d 'List, restore or purge what runs overwrote or deleted.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'verify' -d 'Check every BACKUP against the WORKING by content; change nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'adopt' -d 'Use a location again whose micsync marker is missing (after reformatting a disc).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'log' -d 'Show the journal: one line per run, newest first.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'watch' -d 'Back up by itself: when a known disc is plugged in, and on a schedule (the "auto" key).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'unlock' -d 'Remove the lock a crashed run left on a location, once no live run holds it.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'versions' -d 'List every version of a file or folder that the locations hold, newest first.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'restore' -d 'Put back a version of a file, or a folder as it was at a time, into the WORKING.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" m' -s 'm' -d 'Copy modified files (overwrite) without asking.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" prune' -l 'prune' -d 'Delete in each BACKUP what the WORKING no longer has (asks first; kept in the trash).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" force' -l 'force' -d 'With --prune: delete even when the mass-delete guard would refuse.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" s' -s 's' -d 'Suppress information about directories (created ones are not listed).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" v' -s 'v' -d 'Verbose: print every rsync command; ask before each one that changes files.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" print-commands' -l 'print-commands' -d 'Print every rsync command without asking (-v also asks).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" dry-run n' -s 'n' -l 'dry-run' -d 'Show the full plan; change nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" q quiet' -s 'q' -l 'quiet' -d 'No notes (skipped locations, warnings of a dry run) and no lists; questions, errors and the summary stay.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" list' -l 'list' -d 'List every item of the plan (by default each category shows 20 and the question offers [l]ist).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" no-trash' -l 'no-trash' -d 'Do not keep overwritten or deleted files in .micsync/trash.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" progress' -l 'progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" no-progress' -l 'no-progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" ignore-space' -l 'ignore-space' -d 'Write a destination even when its free space is less than what the plan adds.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion backup -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup"' -l 'from' -d 'The source location: its index in the config or its path.' -rfka '(__micsync_custom_completion ---completion backup -- --from (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup"' -l 'to' -d 'A destination location: its index in the config or its path (repeatable).' -rfka '(__micsync_custom_completion ---completion backup -- --to (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" json' -l 'json' -d 'Print one JSON document: a sync\'s plan (with -n), a comparison\'s differences.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" xattrs' -l 'xattrs' -d 'Keep extended attributes (also "xattrs": true in the configuration).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" acls' -l 'acls' -d 'Keep ACLs (also "acls": true in the configuration).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup"' -l 'exclude' -d 'Leave out what matches this rsync pattern, besides the configuration\'s "exclude" (repeatable).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" bwlimit' -l 'bwlimit' -d 'Limit the transfer rate as rsync\'s --bwlimit does (e.g. 5M, 500K).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" checksum' -l 'checksum' -d 'Compare files by content (checksums), not by size and time: slower, finds silent changes.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" strict' -l 'strict' -d 'Fail (exit 3) when a location was skipped (unplugged, not created): for timers and scripts.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" create' -l 'create' -d 'Create a destination location that does not exist yet (its parent must), without asking.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" color' -l 'color' -d 'When to colour: auto is on a terminal whose TERM is not dumb, without NO_COLOR.' -rfka 'auto always never'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync backup" -ge 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync backup" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" m' -s 'm' -d 'Copy modified files (overwrite) without asking.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" d' -s 'd' -d 'Delete what is not in the source; ask first.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" D' -s 'D' -d 'Delete what is not in the source without asking (wins over -d).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" force' -l 'force' -d 'Delete even when the mass-delete guard would refuse (an empty source, too large a share).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" s' -s 's' -d 'Suppress information about directories (created ones are not listed).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" v' -s 'v' -d 'Verbose: print every rsync command; ask before each one that changes files.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" print-commands' -l 'print-commands' -d 'Print every rsync command without asking (-v also asks).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" dry-run n' -s 'n' -l 'dry-run' -d 'Show the full plan; change nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" q quiet' -s 'q' -l 'quiet' -d 'No notes (skipped locations, warnings of a dry run) and no lists; questions, errors and the summary stay.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" list' -l 'list' -d 'List every item of the plan (by default each category shows 20 and the question offers [l]ist).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" no-trash' -l 'no-trash' -d 'Do not keep overwritten or deleted files in .micsync/trash.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" progress' -l 'progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" no-progress' -l 'no-progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" ignore-space' -l 'ignore-space' -d 'Write a destination even when its free space is less than what the plan adds.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion work -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work"' -l 'from' -d 'The source location: its index in the config or its path.' -rfka '(__micsync_custom_completion ---completion work -- --from (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work"' -l 'to' -d 'A destination location: its index in the config or its path (repeatable).' -rfka '(__micsync_custom_completion ---completion work -- --to (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" json' -l 'json' -d 'Print one JSON document: a sync\'s plan (with -n), a comparison\'s differences.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" xattrs' -l 'xattrs' -d 'Keep extended attributes (also "xattrs": true in the configuration).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" acls' -l 'acls' -d 'Keep ACLs (also "acls": true in the configuration).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work"' -l 'exclude' -d 'Leave out what matches this rsync pattern, besides the configuration\'s "exclude" (repeatable).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" bwlimit' -l 'bwlimit' -d 'Limit the transfer rate as rsync\'s --bwlimit does (e.g. 5M, 500K).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" checksum' -l 'checksum' -d 'Compare files by content (checksums), not by size and time: slower, finds silent changes.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" strict' -l 'strict' -d 'Fail (exit 3) when a location was skipped (unplugged, not created): for timers and scripts.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" create' -l 'create' -d 'Create a destination location that does not exist yet (its parent must), without asking.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" color' -l 'color' -d 'When to colour: auto is on a terminal whose TERM is not dumb, without NO_COLOR.' -rfka 'auto always never'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync work" -ge 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync work" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" m' -s 'm' -d 'Copy modified files (overwrite) without asking.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" d' -s 'd' -d 'Delete what is not in the source; ask first.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" D' -s 'D' -d 'Delete what is not in the source without asking (wins over -d).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" force' -l 'force' -d 'Delete even when the mass-delete guard would refuse (an empty source, too large a share).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" s' -s 's' -d 'Suppress information about directories (created ones are not listed).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" v' -s 'v' -d 'Verbose: print every rsync command; ask before each one that changes files.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" print-commands' -l 'print-commands' -d 'Print every rsync command without asking (-v also asks).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" dry-run n' -s 'n' -l 'dry-run' -d 'Show the full plan; change nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" q quiet' -s 'q' -l 'quiet' -d 'No notes (skipped locations, warnings of a dry run) and no lists; questions, errors and the summary stay.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" list' -l 'list' -d 'List every item of the plan (by default each category shows 20 and the question offers [l]ist).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" no-trash' -l 'no-trash' -d 'Do not keep overwritten or deleted files in .micsync/trash.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" progress' -l 'progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" no-progress' -l 'no-progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" ignore-space' -l 'ignore-space' -d 'Write a destination even when its free space is less than what the plan adds.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion transfer -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer"' -l 'from' -d 'The source location: its index in the config or its path.' -rfka '(__micsync_custom_completion ---completion transfer -- --from (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer"' -l 'to' -d 'A destination location: its index in the config or its path (repeatable).' -rfka '(__micsync_custom_completion ---completion transfer -- --to (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" json' -l 'json' -d 'Print one JSON document: a sync\'s plan (with -n), a comparison\'s differences.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" xattrs' -l 'xattrs' -d 'Keep extended attributes (also "xattrs": true in the configuration).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" acls' -l 'acls' -d 'Keep ACLs (also "acls": true in the configuration).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer"' -l 'exclude' -d 'Leave out what matches this rsync pattern, besides the configuration\'s "exclude" (repeatable).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" bwlimit' -l 'bwlimit' -d 'Limit the transfer rate as rsync\'s --bwlimit does (e.g. 5M, 500K).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" checksum' -l 'checksum' -d 'Compare files by content (checksums), not by size and time: slower, finds silent changes.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" strict' -l 'strict' -d 'Fail (exit 3) when a location was skipped (unplugged, not created): for timers and scripts.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" create' -l 'create' -d 'Create a destination location that does not exist yet (its parent must), without asking.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" color' -l 'color' -d 'When to colour: auto is on a terminal whose TERM is not dumb, without NO_COLOR.' -rfka 'auto always never'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync transfer" -ge 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync transfer" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" s' -s 's' -d 'Suppress information about directories (created ones are not listed).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" v' -s 'v' -d 'Verbose: print every rsync command; ask before each one that changes files.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" print-commands' -l 'print-commands' -d 'Print every rsync command without asking (-v also asks).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" dry-run n' -s 'n' -l 'dry-run' -d 'Show the full plan; change nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" q quiet' -s 'q' -l 'quiet' -d 'No notes (skipped locations, warnings of a dry run) and no lists; questions, errors and the summary stay.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" list' -l 'list' -d 'List every item of the plan (by default each category shows 20 and the question offers [l]ist).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" no-trash' -l 'no-trash' -d 'Do not keep overwritten or deleted files in .micsync/trash.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" progress' -l 'progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" no-progress' -l 'no-progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" ignore-space' -l 'ignore-space' -d 'Write a destination even when its free space is less than what the plan adds.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion tree -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree"' -l 'from' -d 'The source location: its index in the config or its path.' -rfka '(__micsync_custom_completion ---completion tree -- --from (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree"' -l 'to' -d 'A destination location: its index in the config or its path (repeatable).' -rfka '(__micsync_custom_completion ---completion tree -- --to (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" json' -l 'json' -d 'Print one JSON document: a sync\'s plan (with -n), a comparison\'s differences.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" xattrs' -l 'xattrs' -d 'Keep extended attributes (also "xattrs": true in the configuration).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" acls' -l 'acls' -d 'Keep ACLs (also "acls": true in the configuration).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree"' -l 'exclude' -d 'Leave out what matches this rsync pattern, besides the configuration\'s "exclude" (repeatable).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" bwlimit' -l 'bwlimit' -d 'Limit the transfer rate as rsync\'s --bwlimit does (e.g. 5M, 500K).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" checksum' -l 'checksum' -d 'Compare files by content (checksums), not by size and time: slower, finds silent changes.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" strict' -l 'strict' -d 'Fail (exit 3) when a location was skipped (unplugged, not created): for timers and scripts.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" create' -l 'create' -d 'Create a destination location that does not exist yet (its parent must), without asking.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" color' -l 'color' -d 'When to colour: auto is on a terminal whose TERM is not dumb, without NO_COLOR.' -rfka 'auto always never'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync tree" -ge 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync tree" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync status" -ge 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync status" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync status" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion status -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync status" changes' -l 'changes' -d 'Count the pending changes of each BACKUP with rsync dry runs.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync status" json' -l 'json' -d 'Print the status as one JSON document.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync status" strict' -l 'strict' -d 'Fail (exit 3) when a BACKUP is overdue by its "remind": for timers and monitors.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync status" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync status" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync diff" c checksum' -s 'c' -l 'checksum' -d 'Compare file content (rsync --checksum), not size and time.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync diff" v' -s 'v' -d 'Verbose: print every rsync command; ask before each one that changes files.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync diff" print-commands' -l 'print-commands' -d 'Print every rsync command without asking (-v also asks).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync diff" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync diff" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion diff -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync diff" json' -l 'json' -d 'Print one JSON document: a sync\'s plan (with -n), a comparison\'s differences.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync diff" -ge 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync diff" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync diff" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync config" -eq 1' -fa 'check' -d 'Validate the config file; list every problem with its place.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync config" -eq 1' -fa 'show' -d 'Show each configuration with its resolved paths, which are accessible, and their filesystems.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync config" -eq 1' -fa 'path' -d 'Tell which config file is in use, and why.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync config" -eq 1' -fa 'init' -d 'Write a starter config file to edit; never overwrites one.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config check" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config check" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config check" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config show" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config show" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config show" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config path" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config path" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config path" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config init" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config init" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync config init" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync trash" -eq 1' -fa 'list' -d 'Show each location\'s trash, or the files one run\'s trash holds.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync trash" -eq 1' -fa 'restore' -d 'Copy what a run trashed back to its place, asking before overwriting.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync trash" -eq 1' -fa 'purge' -d 'Delete trash folders (all, older ones, or those no --keep rule keeps), asking first.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync trash list" -ge 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash list" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash list" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion trash list -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash list" json' -l 'json' -d 'Print the list as one JSON document.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash list" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash list" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync trash restore" -eq 1' -fka '(__micsync_custom_completion ---completion trash restore -- positional@0 (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync trash restore" -eq 2' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" location' -l 'location' -d 'The location to restore into: its path.' -rfka '(__micsync_custom_completion ---completion trash restore -- --location (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" m' -s 'm' -d 'Copy modified files (overwrite) without asking.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" v' -s 'v' -d 'Verbose: print every rsync command; ask before each one that changes files.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" print-commands' -l 'print-commands' -d 'Print every rsync command without asking (-v also asks).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" dry-run n' -s 'n' -l 'dry-run' -d 'Show the full plan; change nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" q quiet' -s 'q' -l 'quiet' -d 'No notes (skipped locations, warnings of a dry run) and no lists; questions, errors and the summary stay.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" list' -l 'list' -d 'List every item of the plan (by default each category shows 20 and the question offers [l]ist).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" no-trash' -l 'no-trash' -d 'Do not keep overwritten or deleted files in .micsync/trash.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" progress' -l 'progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" no-progress' -l 'no-progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" ignore-space' -l 'ignore-space' -d 'Write a destination even when its free space is less than what the plan adds.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion trash restore -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash restore" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync trash purge" -ge 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" older-than' -l 'older-than' -d 'Only trash folders of runs older than this: 90s, 30m, 12h, 30d, 2w (a bare number counts days).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" keep-last' -l 'keep-last' -d 'Keep the N newest trash folders.' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" keep-hourly' -l 'keep-hourly' -d 'Keep the newest trash folder of each of the last N hours that have one.' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" keep-daily' -l 'keep-daily' -d 'Keep the newest trash folder of each of the last N days that have one.' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" keep-weekly' -l 'keep-weekly' -d 'Keep the newest trash folder of each of the last N weeks that have one.' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" keep-monthly' -l 'keep-monthly' -d 'Keep the newest trash folder of each of the last N months that have one.' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" keep-yearly' -l 'keep-yearly' -d 'Keep the newest trash folder of each of the last N years that have one.' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" keep-within' -l 'keep-within' -d 'Keep every trash folder younger than this before the newest: 12h, 30d, 2w.' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" prune-deleted' -l 'prune-deleted' -d 'Let go the last trash version of a file that exists nowhere any more, too (kept otherwise).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" yes' -l 'yes' -d 'Delete without asking.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" dry-run n' -s 'n' -l 'dry-run' -d 'Show what would go and the space freed.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion trash purge -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync trash purge" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync verify" v' -s 'v' -d 'Verbose: print every rsync command; ask before each one that changes files.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync verify" print-commands' -l 'print-commands' -d 'Print every rsync command without asking (-v also asks).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync verify" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync verify" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion verify -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync verify" json' -l 'json' -d 'Print one JSON document: a sync\'s plan (with -n), a comparison\'s differences.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync verify" -ge 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync verify" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync verify" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync adopt" -ge 1' -fka '(__micsync_custom_completion ---completion adopt -- positional@0 (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync adopt" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync adopt" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion adopt -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync adopt" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync adopt" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync log" count n' -s 'n' -l 'count' -d 'Show only the newest N runs (0: none).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync log" json' -l 'json' -d 'Print the runs as one JSON array, newest first.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync log" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync log" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync watch" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync watch" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion watch -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync watch" install' -l 'install' -d 'Install a systemd user service that runs `micsync watch`, enable it and start it.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync watch" uninstall' -l 'uninstall' -d 'Stop the systemd user service and remove it.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync watch" no-start' -l 'no-start' -d 'With --install: only write the service file; enable and start nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync watch" settle' -l 'settle' -d 'How long a new mount is left to settle before watch looks at it (a disc mounting several partitions, a desktop mounting and remounting).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync watch" q quiet' -s 'q' -l 'quiet' -d 'Print each run\'s line and what goes wrong, but not each time watch goes back to waiting.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync watch" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync watch" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync unlock" -ge 1' -fka '(__micsync_custom_completion ---completion unlock -- positional@0 (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync unlock" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync unlock" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion unlock -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync unlock" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync unlock" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync versions" -eq 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync versions" c checksum' -s 'c' -l 'checksum' -d 'Group identical versions by content (reads every copy).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync versions" json' -l 'json' -d 'Print the versions as one JSON document.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync versions" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync versions" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion versions -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync versions" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync versions" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync restore" -eq 1' -F
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" at' -l 'at' -d 'The version current at this time: 2026-12-01, 2026-12-01T14:00, 2026-12-01T14:00:05 (local time; UTC with a Z at the end) or an age such as 3d, 12h, 90s.' -rfka '(__micsync_custom_completion ---completion restore -- --at (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" version' -l 'version' -d 'Version N of `micsync versions` (0 is the newest).' -rfka ''
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" from' -l 'from' -d 'Take the versions of this location only (its path).' -rfka '(__micsync_custom_completion ---completion restore -- --from (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" to' -l 'to' -d 'Restore into this existing folder (outside the locations) instead of the WORKING.' -rfa '(__micsync_complete_directories)'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" d' -s 'd' -d 'Delete what did not exist at --at TIME (asks first; kept in the trash).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" m' -s 'm' -d 'Copy modified files (overwrite) without asking.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" v' -s 'v' -d 'Verbose: print every rsync command; ask before each one that changes files.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" print-commands' -l 'print-commands' -d 'Print every rsync command without asking (-v also asks).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" dry-run n' -s 'n' -l 'dry-run' -d 'Show the full plan; change nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" q quiet' -s 'q' -l 'quiet' -d 'No notes (skipped locations, warnings of a dry run) and no lists; questions, errors and the summary stay.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" list' -l 'list' -d 'List every item of the plan (by default each category shows 20 and the question offers [l]ist).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" no-trash' -l 'no-trash' -d 'Do not keep overwritten or deleted files in .micsync/trash.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" progress' -l 'progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" no-progress' -l 'no-progress' -d 'Show one overall progress line while copying (default: only on a terminal).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" ignore-space' -l 'ignore-space' -d 'Write a destination even when its free space is less than what the plan adds.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" config' -l 'config' -d 'The config file to use instead of the usual lookup.' -rfa '(for p in (string match -e -- \'*/\' (commandline -t);or printf \n)*.\'json\';printf %s\n $p;end;__fish_complete_directories (commandline -t) \'\')'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" config-name' -l 'config-name' -d 'The configuration to use (when the paths are in several; without paths, only this one).' -rfka '(__micsync_custom_completion ---completion restore -- --config-name (count (__micsync_tokens -pc)) (string length -- "$(commandline -ct)"))'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" version' -l 'version' -d 'Show the version.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync restore" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_flags_or_options "micsync help" version' -l 'version' -d 'Show the version.'
# micsync: `help` completes the actions (micsync-completions: ScriptPatch)
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'backup' -d 'Copy from a WORKING location to every accessible BACKUP; never deletes.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'work' -d 'Copy from a BACKUP to a WORKING location; may delete with -d or -D.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'transfer' -d 'Copy from one BACKUP to other BACKUPs; may delete with -d or -D.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'tree' -d 'Copy only the directory structure from a BACKUP to a WORKING location.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'status' -d 'Show every location: accessible or not, free space, last backup, pending changes.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'diff' -d 'Show what differs between the WORKING and each BACKUP; change nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'config' -d 'Check, show, locate or create the config file.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'trash' -d 'List, restore or purge what runs overwrote or deleted.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'verify' -d 'Check every BACKUP against the WORKING by content; change nothing.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'adopt' -d 'Use a location again whose micsync marker is missing (after reformatting a disc).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'log' -d 'Show the journal: one line per run, newest first.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'watch' -d 'Back up by itself: when a known disc is plugged in, and on a schedule (the "auto" key).'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'unlock' -d 'Remove the lock a crashed run left on a location, once no live run holds it.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'versions' -d 'List every version of a file or folder that the locations hold, newest first.'
complete -c 'micsync' -n '__micsync_should_offer_completions_for_positional "micsync help" -eq 1' -fa 'restore' -d 'Put back a version of a file, or a folder as it was at a time, into the WORKING.'