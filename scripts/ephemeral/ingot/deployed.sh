#!/bin/sh
# The deployed system's first boot (the image scripts/build-deploy-image.sh makes boots the ephemeral
# kernel and initrd from its disk with ingot_deployed on the command line): in cloud-init's place, it
# reads the datasource the installer wrote from the curtin config's cloudconfig (/cloud/*.cfg on the
# first partition), fetches its user-data with the machine's token (which ends the deployment) and reports
# modules-final to the webhook. Console lines start with "INGOT-EPHEMERAL: deployed:".
say() { echo "INGOT-EPHEMERAL: $*"; }
. /ingot/maas-api.sh

yaml_value() {
    sed -n "s/^[[:space:]]*$1:[[:space:]]*//p" "$2" | head -n 1 | sed 's/[[:space:]]*$//; s/^"\(.*\)"$/\1/; s/^'"'"'\(.*\)'"'"'$/\1/'
}

for d in /sys/block/vd* /sys/block/sd*; do
    [ -e "$d" ] && { disk=${d##*/}; break; }
done
mkdir -p /system
if ! mount -t vfat -o ro "/dev/${disk}1" /system; then
    say "deployed: the system partition /dev/${disk}1 cannot be mounted"
    exit 1
fi
datasource=/system/cloud/maas-cloud-config.cfg
if [ ! -s "$datasource" ]; then
    say "deployed: no datasource at $datasource"
    exit 1
fi
METADATA_URL=$(yaml_value metadata_url "$datasource")
CONSUMER_KEY=$(yaml_value consumer_key "$datasource")
TOKEN_KEY=$(yaml_value token_key "$datasource")
TOKEN_SECRET=$(yaml_value token_secret "$datasource")
[ -s /system/cloud/maas-reporting.cfg ] && REPORT_URL=$(yaml_value endpoint /system/cloud/maas-reporting.cfg)
say "deployed: datasource MAAS $METADATA_URL"
report_event start cloudinit modules-final "running modules for final" || say "deployed: start report failed"
if ! http_get "${METADATA_URL%/}/2012-03-01/meta-data/instance-id" /run/instance-id; then
    say "deployed: meta-data could not be fetched"
    exit 1
fi
if ! http_get "${METADATA_URL%/}/2012-03-01/user-data" /run/user-data; then
    say "deployed: user-data could not be fetched"
    exit 1
fi
say "deployed: instance $(cat /run/instance-id), user-data $(wc -c < /run/user-data) bytes: $(head -c 200 /run/user-data | tr '\n' ' ')"
report_event finish cloudinit modules-final "running modules for final" SUCCESS || say "deployed: finish report failed"
say "deployed: first boot done"
