namespace Ingot.Core.Scripts;

/// <summary>
/// MAAS's built-in release script <c>wipe-disks</c> (Ingot's own body), with MAAS's inputs
/// <c>secure_erase</c> and <c>quick_erase</c> passed as <c>--secure-erase</c> and <c>--quick-erase</c>.
/// Every disk in <c>/sys/block</c> (not loop, ram, optical, device-mapper, md, zram or nbd devices) is
/// erased: quick, its first and last 2 MiB; secure, the disk's own secure erase where it has one
/// (NVMe format with secure erase, ATA security erase), else every byte; otherwise every byte. A disk
/// that cannot be erased (read-only, or a write fails) is named on stderr and the script exits 1
/// after trying the others. <c>WIPE_DISKS_SYS</c> and <c>WIPE_DISKS_DEV</c> move <c>/sys</c> and
/// <c>/dev</c> (tests point them at files).
/// </summary>
public static class WipeDisks
{
    public const string Name = "wipe-disks";

    public const string SecureEraseArgument = "--secure-erase";

    public const string QuickEraseArgument = "--quick-erase";

    /// <summary>The script's arguments for the given inputs.</summary>
    public static IReadOnlyList<string> Arguments(bool secureErase, bool quickErase) =>
        [.. secureErase ? [SecureEraseArgument] : Array.Empty<string>(), .. quickErase ? [QuickEraseArgument] : Array.Empty<string>()];

    public const string Body = """
        #!/bin/sh
        # wipe-disks: erase every disk of this machine (Ingot's body for MAAS's built-in release script).
        set -u
        sys=${WIPE_DISKS_SYS:-/sys}
        dev=${WIPE_DISKS_DEV:-/dev}
        secure=0
        quick=0
        for arg in "$@"; do
            case "$arg" in
                --secure-erase) secure=1 ;;
                --quick-erase) quick=1 ;;
                *) echo "wipe-disks: unknown argument $arg" >&2; exit 2 ;;
            esac
        done

        zero() { # disk, first 512-byte sector, sector count
            dd if=/dev/zero of="$1" bs=512 seek="$2" count="$3" conv=notrunc,fsync 2>/dev/null
        }

        zero_all() { # disk, sectors
            mib=$(($2 / 2048))
            if [ "$mib" -gt 0 ]; then
                dd if=/dev/zero of="$1" bs=1048576 count="$mib" conv=notrunc,fsync 2>/dev/null || return 1
            fi
            rest=$(($2 - mib * 2048))
            [ "$rest" -eq 0 ] || zero "$1" $((mib * 2048)) "$rest"
        }

        native_secure_erase() { # disk
            case "$1" in
                */nvme*) command -v nvme >/dev/null && nvme format "$1" --ses=1 --force >/dev/null 2>&1 ;;
                *) command -v hdparm >/dev/null && hdparm -I "$1" 2>/dev/null | grep -q 'supported: enhanced erase' \
                    && hdparm --user-master u --security-set-pass maas "$1" >/dev/null 2>&1 \
                    && hdparm --user-master u --security-erase-enhanced maas "$1" >/dev/null 2>&1 ;;
            esac
        }

        status=0
        found=0
        for block in "$sys"/block/*; do
            [ -e "$block" ] || continue
            name=${block##*/}
            case "$name" in loop* | ram* | sr* | fd* | dm-* | md* | zram* | nbd*) continue ;; esac
            found=1
            disk="$dev/$name"
            sectors=$(cat "$block/size")
            if [ "$(cat "$block/ro" 2>/dev/null || echo 0)" = 1 ]; then
                echo "$name: the disk is read-only and cannot be erased" >&2
                status=1
                continue
            fi
            if [ "$secure" = 1 ] && native_secure_erase "$disk"; then
                echo "$name: secure erase done"
                continue
            fi
            if [ "$quick" = 1 ]; then
                head=$((sectors < 4096 ? sectors : 4096))
                if zero "$disk" 0 "$head" && { [ "$sectors" -le 4096 ] || zero "$disk" $((sectors - 4096)) 4096; }; then
                    echo "$name: quick erase done (first and last 2 MiB)"
                else
                    echo "$name: writing zeros failed" >&2
                    status=1
                fi
                continue
            fi
            if zero_all "$disk" "$sectors"; then
                echo "$name: full erase done ($sectors sectors)"
            else
                echo "$name: writing zeros failed" >&2
                status=1
            fi
        done
        [ "$found" = 1 ] || echo "wipe-disks: no disk found"
        exit $status

        """;
}
