using nanoFramework.McuMgr;

namespace Nrf5340Sdk.SmpTests;

/// <summary>Checks of decoded answers that several test classes share.</summary>
public static class Expect
{
    public static List<Dictionary<string, object?>> Images(Answer a)
    {
        a.Keys("images");
        return ((List<object?>)a.Map["images"]!).Cast<Dictionary<string, object?>>().ToList();
    }

    public static void Entry(Dictionary<string, object?> e, int slot, string version, string hash,
        bool active = false, bool confirmed = false, bool pending = false, bool permanent = false)
    {
        // Exactly the fields clients expect: smpclient rejects unknown keys in image entries.
        Assert.Equal(new[] { "active", "bootable", "confirmed", "hash", "image", "pending", "permanent", "slot", "version" },
            e.Keys.Order());
        Assert.Equal(0L, e["image"]);
        Assert.Equal((long)slot, e["slot"]);
        Assert.Equal(version, e["version"]);
        Assert.Equal(Frames.Hex(hash), e["hash"]);
        Assert.Equal(true, e["bootable"]);
        Assert.Equal(active, e["active"]);
        Assert.Equal(confirmed, e["confirmed"]);
        Assert.Equal(pending, e["pending"]);
        Assert.Equal(permanent, e["permanent"]);
    }

    /// <summary>A group error in the request's form: v2 {"err": {"group", "rc"}}, v1 {"rc"}.</summary>
    public static void AssertError(Answer a, int version, int group, int rc)
    {
        if (version == 1)
        {
            a.Keys("err");
            var err = (Dictionary<string, object?>)a.Map["err"]!;
            Assert.Equal((long)group, err["group"]);
            Assert.Equal((long)rc, err["rc"]);
        }
        else
        {
            Assert.Equal((long)rc, a.Map["rc"]);
        }
        Assert.Equal(rc, a.Rc);
    }

}
