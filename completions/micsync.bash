#!/bin/bash

__micsync_cursor_index_in_current_word() {
    local remaining="${COMP_LINE}"

    local word
    for word in "${COMP_WORDS[@]::COMP_CWORD}"; do
        remaining="${remaining##*([[:space:]])"${word}"*([[:space:]])}"
    done

    local -ir index="$((COMP_POINT - ${#COMP_LINE} + ${#remaining}))"
    if [[ "${index}" -le 0 ]]; then
        printf 0
    else
        printf %s "${index}"
    fi
}

# positional arguments:
#
# - 1: the current (sub)command's count of positional arguments
#
# required variables:
#
# - repeating_flags: the repeating flags that the current (sub)command can accept
# - non_repeating_flags: the non-repeating flags that the current (sub)command can accept
# - repeating_options: the repeating options that the current (sub)command can accept
# - non_repeating_options: the non-repeating options that the current (sub)command can accept
# - positional_number: value ignored
# - unparsed_words: unparsed words from the current command line
#
# modified variables:
#
# - non_repeating_flags: remove flags for this (sub)command that are already on the command line
# - non_repeating_options: remove options for this (sub)command that are already on the command line
# - positional_number: set to the current positional number
# - unparsed_words: remove all flags, options, and option values for this (sub)command
__micsync_offer_flags_options() {
    local -ir positional_count="${1}"
    positional_number=0

    local was_flag_option_terminator_seen=false
    local is_parsing_option_value=false

    local -ar unparsed_word_indices=("${!unparsed_words[@]}")
    local -i word_index
    for word_index in "${unparsed_word_indices[@]}"; do
        if "${is_parsing_option_value}"; then
            # This word is an option value:
            # Reset marker for next word iff not currently the last word
            [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]] && is_parsing_option_value=false
            unset "unparsed_words[${word_index}]"
            # Do not process this word as a flag or an option
            continue
        fi

        local word="${unparsed_words["${word_index}"]}"
        if ! "${was_flag_option_terminator_seen}"; then
            case "${word}" in
            --)
                unset "unparsed_words[${word_index}]"
                # by itself -- is a flag/option terminator, but if it is the last word, it is the start of a completion
                if [[ "${word_index}" -ne "${unparsed_word_indices[${#unparsed_word_indices[@]} - 1]}" ]]; then
                    was_flag_option_terminator_seen=true
                fi
                continue
                ;;
            -*)
                # ${word} is a flag or an option
                # If ${word} is an option, mark that the next word to be parsed is an option value
                local option
                for option in "${repeating_options[@]}" "${non_repeating_options[@]}"; do
                    [[ "${word}" = "${option}" ]] && is_parsing_option_value=true && break
                done

                # Remove ${word} from ${non_repeating_flags} or ${non_repeating_options} so it isn't offered again
                local not_found=true
                local -i index
                for index in "${!non_repeating_flags[@]}"; do
                    if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                        unset "non_repeating_flags[${index}]"
                        non_repeating_flags=("${non_repeating_flags[@]}")
                        not_found=false
                        break
                    fi
                done
                if "${not_found}"; then
                    for index in "${!non_repeating_flags[@]}"; do
                        if [[ "${non_repeating_flags[${index}]}" = "${word}" ]]; then
                            unset "non_repeating_flags[${index}]"
                            non_repeating_flags=("${non_repeating_flags[@]}")
                            break
                        fi
                    done
                fi
                unset "unparsed_words[${word_index}]"
                continue
                ;;
            esac
        fi

        # ${word} is neither a flag, nor an option, nor an option value
        if [[ "${positional_number}" -lt "${positional_count}" || "${positional_count}" -lt 0 ]]; then
            # ${word} is a positional
            ((positional_number++))
            unset "unparsed_words[${word_index}]"
        else
            if [[ -z "${word}" ]]; then
                # Could be completing a flag, option, or subcommand
                positional_number=-1
            else
                # ${word} is a subcommand or invalid, so stop processing this (sub)command
                positional_number=-2
            fi
            break
        fi
    done

    unparsed_words=("${unparsed_words[@]}")

    if\
        ! "${was_flag_option_terminator_seen}"\
        && ! "${is_parsing_option_value}"\
        && [[ ("${cur}" = -* && "${positional_number}" -ge 0) || "${positional_number}" -eq -1 ]]
    then
        COMPREPLY+=($(compgen -W "${repeating_flags[*]} ${non_repeating_flags[*]} ${repeating_options[*]} ${non_repeating_options[*]}" -- "${cur}"))
    fi
}

__micsync_add_completions() {
    local completion
    while IFS='' read -r completion; do
        COMPREPLY+=("${completion}")
    done < <(IFS=$'\n' compgen "${@}" -- "${cur}")
}

# micsync: live candidates arrive filtered and quoted for the line (micsync-completions: ScriptPatch)
__micsync_add_custom_completions() {
    compopt +o filenames -o nosort 2>/dev/null
    local completion
    while IFS='' read -r completion; do
        [[ -n "${completion}" ]] && COMPREPLY+=("${completion}")
    done <<< "${1}"
}

__micsync_custom_complete() {
    if [[ -n "${cur}" || -z ${COMP_WORDS[${COMP_CWORD}]} || "${COMP_LINE:${COMP_POINT}:1}" != ' ' ]]; then
        local -ar words=("${COMP_WORDS[@]}")
    else
        local -ar words=("${COMP_WORDS[@]::${COMP_CWORD}}" '' "${COMP_WORDS[@]:${COMP_CWORD}}")
    fi

    "${COMP_WORDS[0]}" "${@}" "${words[@]}"
}

_micsync() {
    local state
    state="$(shopt -p;shopt -po)"
    trap "${state//$'\n'/;}" RETURN
    shopt -s extglob
    set +o history +o posix

    local -xr SAP_SHELL=bash
    local -x SAP_SHELL_VERSION
    SAP_SHELL_VERSION="$(IFS='.';printf %s "${BASH_VERSINFO[*]}")"
    local -r SAP_SHELL_VERSION

    local -r cur="${2}"
    local -r prev="${3}"

    local -i positional_number
    local -a unparsed_words=("${COMP_WORDS[@]:1:${COMP_CWORD}}")
    # micsync: the original's `--ACTION` completes as `ACTION` (micsync-completions: ScriptPatch)
    local -i original_index
    for ((original_index = 0; original_index < ${#unparsed_words[@]} - 1; original_index++)); do
        case "${unparsed_words[original_index]}" in
        --|backup|work|transfer|tree|verify)
            break
            ;;
        --backup|--work|--transfer|--tree|--verify)
            unparsed_words=("${unparsed_words[original_index]#--}" "${unparsed_words[@]::original_index}" "${unparsed_words[@]:original_index+1}")
            break
            ;;
        esac
    done

    local -a repeating_flags=()
    local -a non_repeating_flags=(--backup --work --transfer --tree --verify --version -h --help)
    local -a repeating_options=()
    local -a non_repeating_options=(--color)
    __micsync_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--color')
        __micsync_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    backup|work|transfer|tree|status|diff|config|trash|verify|adopt|log|watch|unlock|versions|restore|help)
        # Offer subcommand argument completions
        "_micsync_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'backup work transfer tree status diff config trash verify adopt log watch unlock versions restore help' -- "${cur}"))
        ;;
    esac
}

_micsync_backup() {
    repeating_flags=()
    non_repeating_flags=(-m --prune --force -s -v --print-commands -n --dry-run -q --quiet --list --no-trash --progress --no-progress --ignore-space --json --xattrs --acls --checksum --strict --create --version -h --help)
    repeating_options=(--from --to --exclude)
    non_repeating_options=(--config --config-name --bwlimit --color)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion backup -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--from')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion backup -- --from "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--to')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion backup -- --to "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--exclude')
        return
        ;;
    '--bwlimit')
        return
        ;;
    '--color')
        __micsync_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_work() {
    repeating_flags=()
    non_repeating_flags=(-m -d -D --force -s -v --print-commands -n --dry-run -q --quiet --list --no-trash --progress --no-progress --ignore-space --json --xattrs --acls --checksum --strict --create --version -h --help)
    repeating_options=(--from --to --exclude)
    non_repeating_options=(--config --config-name --bwlimit --color)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion work -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--from')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion work -- --from "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--to')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion work -- --to "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--exclude')
        return
        ;;
    '--bwlimit')
        return
        ;;
    '--color')
        __micsync_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_transfer() {
    repeating_flags=()
    non_repeating_flags=(-m -d -D --force -s -v --print-commands -n --dry-run -q --quiet --list --no-trash --progress --no-progress --ignore-space --json --xattrs --acls --checksum --strict --create --version -h --help)
    repeating_options=(--from --to --exclude)
    non_repeating_options=(--config --config-name --bwlimit --color)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion transfer -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--from')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion transfer -- --from "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--to')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion transfer -- --to "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--exclude')
        return
        ;;
    '--bwlimit')
        return
        ;;
    '--color')
        __micsync_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_tree() {
    repeating_flags=()
    non_repeating_flags=(-s -v --print-commands -n --dry-run -q --quiet --list --no-trash --progress --no-progress --ignore-space --json --xattrs --acls --checksum --strict --create --version -h --help)
    repeating_options=(--from --to --exclude)
    non_repeating_options=(--config --config-name --bwlimit --color)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion tree -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--from')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion tree -- --from "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--to')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion tree -- --to "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--exclude')
        return
        ;;
    '--bwlimit')
        return
        ;;
    '--color')
        __micsync_add_completions -W 'auto'$'\n''always'$'\n''never'
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_status() {
    repeating_flags=()
    non_repeating_flags=(--changes --json --strict --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --config-name)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion status -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_diff() {
    repeating_flags=()
    non_repeating_flags=(-c --checksum -v --print-commands --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --config-name)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion diff -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_config() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __micsync_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    check|show|path|init)
        # Offer subcommand argument completions
        "_micsync_config_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'check show path init' -- "${cur}"))
        ;;
    esac
}

_micsync_config_check() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--config)
    __micsync_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_micsync_config_show() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--config)
    __micsync_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_micsync_config_path() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--config)
    __micsync_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_micsync_config_init() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--config)
    __micsync_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    esac
}

_micsync_trash() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=()
    __micsync_offer_flags_options 0

    # Offer subcommand / subcommand argument completions
    local -r subcommand="${unparsed_words[0]}"
    unset 'unparsed_words[0]'
    unparsed_words=("${unparsed_words[@]}")
    case "${subcommand}" in
    list|restore|purge)
        # Offer subcommand argument completions
        "_micsync_trash_${subcommand}"
        ;;
    *)
        # Offer subcommand completions
        COMPREPLY+=($(compgen -W 'list restore purge' -- "${cur}"))
        ;;
    esac
}

_micsync_trash_list() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --config-name)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion trash list -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_trash_restore() {
    repeating_flags=()
    non_repeating_flags=(-m -v --print-commands -n --dry-run -q --quiet --list --no-trash --progress --no-progress --ignore-space --version -h --help)
    repeating_options=()
    non_repeating_options=(--location --config --config-name)
    __micsync_offer_flags_options 2

    # Offer option value completions
    case "${prev}" in
    '--location')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion trash restore -- --location "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion trash restore -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion trash restore -- positional@0 "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    2)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_trash_purge() {
    repeating_flags=()
    non_repeating_flags=(--prune-deleted --yes -n --dry-run --version -h --help)
    repeating_options=()
    non_repeating_options=(--older-than --keep-last --keep-hourly --keep-daily --keep-weekly --keep-monthly --keep-yearly --keep-within --config --config-name)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--older-than')
        return
        ;;
    '--keep-last')
        return
        ;;
    '--keep-hourly')
        return
        ;;
    '--keep-daily')
        return
        ;;
    '--keep-weekly')
        return
        ;;
    '--keep-monthly')
        return
        ;;
    '--keep-yearly')
        return
        ;;
    '--keep-within')
        return
        ;;
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion trash purge -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_verify() {
    repeating_flags=()
    non_repeating_flags=(-v --print-commands --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --config-name)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion verify -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_adopt() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--config --config-name)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion adopt -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion adopt -- positional@0 "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_micsync_log() {
    repeating_flags=()
    non_repeating_flags=(--json --version -h --help)
    repeating_options=()
    non_repeating_options=(-n --count)
    __micsync_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '-n'|'--count')
        return
        ;;
    esac
}

_micsync_watch() {
    repeating_flags=()
    non_repeating_flags=(--install --uninstall --no-start -q --quiet --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --config-name --settle)
    __micsync_offer_flags_options 0

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion watch -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--settle')
        return
        ;;
    esac
}

_micsync_unlock() {
    repeating_flags=()
    non_repeating_flags=(--version -h --help)
    repeating_options=()
    non_repeating_options=(--config --config-name)
    __micsync_offer_flags_options -1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion unlock -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    *)
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion unlock -- positional@0 "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac
}

_micsync_versions() {
    repeating_flags=()
    non_repeating_flags=(-c --checksum --json --version -h --help)
    repeating_options=()
    non_repeating_options=(--config --config-name)
    __micsync_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion versions -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_restore() {
    repeating_flags=()
    non_repeating_flags=(-d -m -v --print-commands -n --dry-run -q --quiet --list --no-trash --progress --no-progress --ignore-space --version -h --help)
    repeating_options=()
    non_repeating_options=(--at --version --from --to --config --config-name)
    __micsync_offer_flags_options 1

    # Offer option value completions
    case "${prev}" in
    '--at')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion restore -- --at "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--version')
        return
        ;;
    '--from')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion restore -- --from "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    '--to')
        __micsync_add_completions -d
        return
        ;;
    '--config')
        __micsync_add_completions -o plusdirs -fX '!*.@(json)'
        return
        ;;
    '--config-name')
        __micsync_add_custom_completions "$(__micsync_custom_complete ---completion restore -- --config-name "${COMP_CWORD}" "$(__micsync_cursor_index_in_current_word)")"
        return
        ;;
    esac

    # Offer positional completions
    case "${positional_number}" in
    1)
        __micsync_add_completions -f
        return
        ;;
    esac
}

_micsync_help() {
    repeating_flags=()
    non_repeating_flags=(--version)
    repeating_options=()
    non_repeating_options=()
    __micsync_offer_flags_options -1
    # micsync: `help` completes the actions (micsync-completions: ScriptPatch)
    if [[ "${positional_number}" -eq 1 ]]; then
        __micsync_add_completions -W $'backup\nwork\ntransfer\ntree\nstatus\ndiff\nconfig\ntrash\nverify\nadopt\nlog\nwatch\nunlock\nversions\nrestore'
    fi
}

complete -o filenames -F _micsync micsync