#!/bin/sh
# A minimal non-Python KCP/1 shim: POSIX sh + the openssl 3 command line.
#
# It implements two operations of spec/shim-protocol.md:
#   capabilities    -> which operations this shim answers
#   schedule.rekey  -> K_(e+1) = HKDF(salt = rekey salt, IKM = K_e, info = "KC1 rekey" || u32(e+1))
#                      k_c2k = HKDF-Expand(K_(e+1), "KC1 c2k"), k_k2c = HKDF-Expand(K_(e+1), "KC1 k2c")
# and answers {"unimplemented": true} to everything else.
#
#   keycrypt-conformance shim --cmd "sh conformance/examples/rekey_shim.sh"
#
# The runner writes one compact JSON object per line (no spaces), so sed can
# pick out these flat fields; a real shim should use a JSON parser.

hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }

hkdf() { # hkdf MODE KEYHEX SALTHEX INFOHEX -> 32 bytes as lowercase hex
    if [ "$1" = expand ]; then
        openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt mode:EXPAND_ONLY \
            -kdfopt "hexkey:$2" -kdfopt "hexinfo:$4" HKDF
    else
        openssl kdf -keylen 32 -kdfopt digest:SHA256 \
            -kdfopt "hexkey:$2" -kdfopt "hexsalt:$3" -kdfopt "hexinfo:$4" HKDF
    fi | tr -d ':\n' | tr 'A-F' 'a-f'
}

field() { printf '%s' "$line" | sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p"; }

while IFS= read -r line; do
    id=$(field id)
    case $(field op) in
    capabilities)
        printf '{"id":%s,"result":{"implementation":"sh+openssl example","operations":["schedule.rekey"]}}\n' "$id"
        ;;
    schedule.rekey)
        key=$(field key) salt=$(field salt) epoch=$(field epoch)
        next=$(hkdf full "$key" "$salt" "$(hex 'KC1 rekey')$(printf '%08x' "$epoch")")
        c2k=$(hkdf expand "$next" "" "$(hex 'KC1 c2k')")
        k2c=$(hkdf expand "$next" "" "$(hex 'KC1 k2c')")
        printf '{"id":%s,"result":{"key":"%s","c2k":"%s","k2c":"%s"}}\n' "$id" "$next" "$c2k" "$k2c"
        ;;
    *)
        printf '{"id":%s,"unimplemented":true}\n' "$id"
        ;;
    esac
done
