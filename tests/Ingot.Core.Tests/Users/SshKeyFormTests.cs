using Ingot.Core.Enlistment;
using Ingot.Core.Users;

namespace Ingot.Core.Tests.Users;

/// <summary>MAAS's structural checks of an OpenSSH public key, with its error texts.</summary>
public class SshKeyFormTests
{
    private const string Rsa =
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDSePauVnHvcKE1U4SmZwof7OVXTiLbcKMEF7ESFTOmADstTw5ZM2NvqfeXEyxFVm/iUNyY6RUUBCUFzOVK4waH5HXPeLTZ1zxgR5AG1h9sHVTkrHWkf+6N+2ZRJIWxf4Hk4fOAxwNw78bYMlmq9XjNJXrOD+5PR167h9C7sSrViQ== alice@laptop";

    private const string Ecdsa =
        "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBBakF9vOWc1cDkR7qmpethRUSvB6C+mcKx3roG3hurfmbptts0XJ1MX9B4F9nwnm2R1AamwDkQt/bN07c2sLeVo=";

    [Theory]
    [InlineData(Rsa, Rsa)]
    [InlineData(Ecdsa, Ecdsa)]
    [InlineData("  " + Ecdsa + "   my   key \n", Ecdsa + " my key")]
    public void A_public_key_is_accepted_and_normalised_to_single_spaces(string text, string expected) =>
        Assert.Equal(expected, SshKeyForm.Normalise(text));

    [Theory]
    [InlineData("ssh-rsa", "Invalid SSH public key: Key should contain 2 or more space separated parts (key type, base64-encoded key, optional comments), not 1)")]
    [InlineData("ssh-dss AAAAB3NzaC1kc3M=", "Invalid SSH public key: Key type ssh-dss not recognised; it should be one of: ecdsa-sha2-nistp256 ecdsa-sha2-nistp384 ecdsa-sha2-nistp521 sk-ecdsa-sha2-nistp256@openssh.com sk-ssh-ed25519@openssh.com ssh-ed25519 ssh-rsa")]
    [InlineData("ssh-rsa not*base64", "Invalid SSH public key: Key could not be converted to RFC4716 form.")]
    [InlineData("ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQAB", "Invalid SSH public key: Key could not be converted to RFC4716 form.")]
    [InlineData("", "This field is required.")]
    public void A_malformed_key_is_refused_on_the_key_field_with_MAAS_text(string text, string message)
    {
        var error = Assert.Throws<MachineFormException>(() => SshKeyForm.Normalise(text));

        Assert.Equal([message], error.Errors["key"]);
    }

    [Fact]
    public void A_private_key_pasted_by_mistake_is_refused()
    {
        var error = Assert.Throws<MachineFormException>(() =>
            SshKeyForm.Normalise("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----"));

        Assert.StartsWith("Invalid SSH public key: Key type -----BEGIN not recognised", error.Errors["key"][0], StringComparison.Ordinal);
    }
}
