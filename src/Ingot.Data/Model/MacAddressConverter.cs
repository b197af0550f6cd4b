using Ingot.Core.Hardware;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ingot.Data.Model;

/// <summary>Stores a MAC in its normalised lower-case colon form.</summary>
public sealed class MacAddressConverter() : ValueConverter<MacAddress, string>(
    v => v.ToString(),
    v => MacAddress.Parse(v));
