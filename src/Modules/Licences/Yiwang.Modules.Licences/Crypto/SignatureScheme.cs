using System.Buffers.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;
using Yiwang.Modules.Licences.Contracts;

namespace Yiwang.Modules.Licences.Crypto;

/// <summary>
/// The two signature algorithms an issuer may use, both from BouncyCastle: Ed25519 (JWS alg <c>EdDSA</c>, RFC 8037) and
/// SM2 with SM3 (GB/T 32918, GB/T 32905). JOSE has no registered name for SM2; we use <c>SM2</c> with a JWK of kty EC,
/// crv SM2, and the signature as r‖s (64 bytes), as ES256 does.
/// </summary>
internal abstract class SignatureScheme
{
    public static readonly SignatureScheme Ed25519 = new Ed25519Scheme();
    public static readonly SignatureScheme Sm2 = new Sm2Scheme();

    public abstract string Alg { get; }

    public static SignatureScheme For(SigningAlgorithm algorithm) => algorithm == SigningAlgorithm.Sm2 ? Sm2 : Ed25519;

    public static SignatureScheme? ForAlg(string? alg) => alg switch
    {
        "EdDSA" => Ed25519,
        "SM2" => Sm2,
        _ => null,
    };

    public abstract (byte[] Public, byte[] Private) Generate();

    public abstract byte[] Sign(byte[] privateKey, byte[] data);

    public abstract bool Verify(byte[] publicKey, byte[] data, byte[] signature);

    /// <summary>The public key as JWK members (without kid, use and alg).</summary>
    public abstract Dictionary<string, string> Jwk(byte[] publicKey);

    private sealed class Ed25519Scheme : SignatureScheme
    {
        public override string Alg => "EdDSA";

        public override (byte[] Public, byte[] Private) Generate()
        {
            var generator = new Ed25519KeyPairGenerator();
            generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
            var pair = generator.GenerateKeyPair();
            return (((Ed25519PublicKeyParameters)pair.Public).GetEncoded(), ((Ed25519PrivateKeyParameters)pair.Private).GetEncoded());
        }

        public override byte[] Sign(byte[] privateKey, byte[] data)
        {
            var signer = new Ed25519Signer();
            signer.Init(true, new Ed25519PrivateKeyParameters(privateKey));
            signer.BlockUpdate(data, 0, data.Length);
            return signer.GenerateSignature();
        }

        public override bool Verify(byte[] publicKey, byte[] data, byte[] signature)
        {
            if (publicKey.Length != Ed25519PublicKeyParameters.KeySize || signature.Length != 64)
            {
                return false;
            }

            var verifier = new Ed25519Signer();
            verifier.Init(false, new Ed25519PublicKeyParameters(publicKey));
            verifier.BlockUpdate(data, 0, data.Length);
            return verifier.VerifySignature(signature);
        }

        public override Dictionary<string, string> Jwk(byte[] publicKey) => new()
        {
            ["kty"] = "OKP",
            ["crv"] = "Ed25519",
            ["x"] = Base64Url.EncodeToString(publicKey),
        };
    }

    private sealed class Sm2Scheme : SignatureScheme
    {
        private static readonly ECDomainParameters Domain = new(GMNamedCurves.GetByName("sm2p256v1"));

        public override string Alg => "SM2";

        public override (byte[] Public, byte[] Private) Generate()
        {
            var generator = new ECKeyPairGenerator();
            generator.Init(new ECKeyGenerationParameters(Domain, new SecureRandom()));
            var pair = generator.GenerateKeyPair();
            var d = ((ECPrivateKeyParameters)pair.Private).D;
            return (((ECPublicKeyParameters)pair.Public).Q.GetEncoded(false), BigIntegers.AsUnsignedByteArray(32, d));
        }

        public override byte[] Sign(byte[] privateKey, byte[] data)
        {
            var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
            signer.Init(true, new ParametersWithRandom(new ECPrivateKeyParameters(new BigInteger(1, privateKey), Domain), new SecureRandom()));
            signer.BlockUpdate(data, 0, data.Length);
            return signer.GenerateSignature();
        }

        public override bool Verify(byte[] publicKey, byte[] data, byte[] signature)
        {
            if (signature.Length != 64)
            {
                return false;
            }

            try
            {
                var verifier = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
                verifier.Init(false, new ECPublicKeyParameters(Domain.Curve.DecodePoint(publicKey), Domain));
                verifier.BlockUpdate(data, 0, data.Length);
                return verifier.VerifySignature(signature);
            }
            catch (ArgumentException)
            {
                return false;
            }
        }

        public override Dictionary<string, string> Jwk(byte[] publicKey) => new()
        {
            ["kty"] = "EC",
            ["crv"] = "SM2",
            ["x"] = Base64Url.EncodeToString(publicKey[1..33]),
            ["y"] = Base64Url.EncodeToString(publicKey[33..65]),
        };
    }
}
