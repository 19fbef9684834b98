# shellcheck shell=bash
# ./aegisops user: the principals and API tokens of the running stack, managed through approval-service's
# identity API (/api/auth) with the admin token from $AEGIS_ROOT/.env. Values of new passwords and tokens are
# printed once, here, and never stored in clear anywhere.

identity_call() { # identity_call <method> <path> [json-body]: prints the body; fails with the API's own message
  local method=$1 path=$2 body=${3:-} out status
  out=$(mktemp)
  local -a args=(-sS -o "$out" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $AEGIS_ADMIN_TOKEN"
    -H 'Accept: application/json')
  [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data "$body")
  status=$(curl "${args[@]}" "$(service_url approval-service)$path" 2>"$out.err") || {
    rm -f "$out"
    die "approval-service did not answer at $(service_url approval-service): $(cat "$out.err")" \
      "start the stack with ./aegisops up (./aegisops status shows what runs)"
  }
  rm -f "$out.err"
  if [[ $status != 2* ]]; then
    local message
    message=$(jq -r '.message // empty' "$out" 2>/dev/null)
    rm -f "$out"
    die "approval-service answered $status: ${message:-no message}" \
      "check the arguments (./aegisops user help); a 401 means AEGIS_ADMIN_TOKEN in $AEGIS_SECRETS_FILE is not the stack's"
  fi
  cat "$out"
  rm -f "$out"
}

user_usage() {
  cat <<'USAGE'
usage: ./aegisops user <command>
  list                              principals, their roles and tokens (never the tokens' values)
  add <name> <role> [--machine]     a person (a generated password is printed once) or, with --machine, a
                                    principal that only uses tokens; role: viewer, operator, approver, admin, reporter
  token <name> [label] [--days N]   a new API token for <name>, printed once (send it as Authorization: Bearer)
  revoke <token-id>                 the token stops working everywhere within 30 s
  slack <slack-user-id> <name>      Approve/Reject clicks of that Slack user (U…) count as <name>'s (who
                                    must be an approver or admin); other users' clicks are refused
USAGE
}

cmd_user() {
  local sub=${1:-help}
  (($#)) && shift
  [[ $sub == help || $sub == -h || $sub == --help ]] && { user_usage; return 0; }
  command -v jq >/dev/null || die "jq is needed for ./aegisops user" "apt-get install -y jq"
  [[ -f $AEGIS_SECRETS_FILE ]] || die "no $AEGIS_SECRETS_FILE: the stack has not been started here" \
    "start it with ./aegisops up (it generates the admin token this command uses)"
  ensure_secrets
  case $sub in
    list)
      identity_call GET /api/auth/users | jq -r '
        ["NAME","ROLE","CREATED BY","TOKENS (label: state)"], (.[] | [.name, .role, .createdBy,
          ([.tokens[] | select(.kind == "API") | .label + ": " + (if .revokedAt then "revoked"
            elif .expiresAt then "until " + .expiresAt[0:10] else "active" end) + " [" + .id + "]"] | join(", "))])
        | @tsv' | column -t -s $'\t'
      ;;
    add)
      (($# >= 2)) || { user_usage >&2; die "add needs a name and a role" "./aegisops user add alice approver"; }
      local name=$1 role=$2 machine=0 password='' body
      [[ ${3:-} == --machine ]] && machine=1
      if ((machine)); then
        body=$(jq -cn --arg n "$name" --arg r "$role" '{name: $n, role: $r}')
      else
        password=$(generate_secret)
        body=$(jq -cn --arg n "$name" --arg r "$role" --arg p "$password" '{name: $n, role: $r, password: $p}')
      fi
      identity_call POST /api/auth/users "$body" >/dev/null
      step "Added $name ($role)"
      ((machine)) || echo "  password (shown this once): $password"
      ;;
    token)
      (($# >= 1)) || { user_usage >&2; die "token needs a name" "./aegisops user token alice laptop"; }
      local name=$1 label=${2:-cli} days='' answer
      [[ ${3:-} == --days ]] && days=${4:-}
      answer=$(identity_call POST "/api/auth/users/$name/tokens" \
        "$(jq -cn --arg l "$label" --arg d "$days" '{label: $l} + (if $d == "" then {} else {expiresInDays: ($d|tonumber)} end)')")
      step "Token '$label' for $name (id $(jq -r .id <<<"$answer"))"
      echo "  token (shown this once): $(jq -r .token <<<"$answer")"
      ;;
    revoke)
      (($# == 1)) || die "revoke needs a token id" "./aegisops user list shows the ids"
      identity_call DELETE "/api/auth/tokens/$1" >/dev/null
      step "Token $1 revoked"
      ;;
    slack)
      (($# == 2)) || die "slack needs a Slack user id and a name" "./aegisops user slack U024BE7LH alice"
      identity_call PUT "/api/auth/slack-users/$1" "$(jq -cn --arg p "$2" '{principal: $p}')" >/dev/null
      step "Slack user $1 now acts as $2"
      ;;
    *) user_usage >&2
       die "unknown user command: $sub" "./aegisops user help" ;;
  esac
}
