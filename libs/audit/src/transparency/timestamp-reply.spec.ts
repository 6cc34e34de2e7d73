import * as asn1js from 'asn1js';
import { ContentInfo, PKIStatus, PKIStatusInfo, TimeStampResp } from 'pkijs';
import { timestampError } from './testing/refusals';
import { verifyTimestampReply } from './timestamp-reply';
import { createTimestampRequest } from './timestamp-request';
import { verifyTimestampToken } from './timestamp-token';

// Replies and tokens that fail before any signature is checked; those from a real TSA are in timestamp.int-spec.ts.

const bytes = Buffer.from('ledger.example.gouv.fr/portfolio\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n');
const request = createTimestampRequest(bytes);
// Never reached: every case here fails on the reply or the token first.
const tsaCertificate = '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n';

function reply(status: PKIStatus, ...texts: string[]): Buffer {
  const statusStrings = texts.map((value) => new asn1js.Utf8String({ value }));
  const response = new TimeStampResp({
    status: new PKIStatusInfo({ status, ...(texts.length > 0 ? { statusStrings } : {}) }),
  });
  return Buffer.from(response.toSchema().toBER());
}

describe('time-stamp replies', () => {
  it('report a rejection with the TSA’s words', async () => {
    await expect(
      verifyTimestampReply(reply(PKIStatus.rejection, 'bad request', 'try later'), { bytes, tsaCertificate, request }),
    ).rejects.toEqual(timestampError('rejected', /did not grant the time-stamp \(rejection: bad request try later\)/));
  });

  it('report any status but granted as not granted', async () => {
    await expect(verifyTimestampReply(reply(PKIStatus.waiting), { bytes, tsaCertificate, request })).rejects.toEqual(
      timestampError('rejected', /\(waiting\)/),
    );
  });

  it('refuse a granted reply without a token', async () => {
    await expect(verifyTimestampReply(reply(PKIStatus.granted), { bytes, tsaCertificate, request })).rejects.toEqual(
      timestampError('malformed', /holds no token/),
    );
  });

  it('refuse what is not DER, or DER with bytes after it', async () => {
    const granted = reply(PKIStatus.granted);
    for (const bad of [
      Buffer.from('not DER at all'),
      Buffer.concat([granted, Buffer.from([0])]),
      granted.subarray(1),
    ]) {
      await expect(verifyTimestampReply(bad, { bytes, tsaCertificate, request })).rejects.toEqual(
        timestampError('malformed', /the time-stamp reply is not well-formed DER/),
      );
    }
  });

  it('refuse DER of another structure', async () => {
    const notAReply = Buffer.from(new asn1js.Sequence({ value: [new asn1js.Utf8String({ value: 'hi' })] }).toBER());
    await expect(verifyTimestampReply(notAReply, { bytes, tsaCertificate, request })).rejects.toEqual(
      timestampError('malformed', /not the ASN.1 structure it should be/),
    );
  });
});

describe('time-stamp tokens', () => {
  it('are refused unless CMS SignedData', async () => {
    const data = new ContentInfo({
      contentType: ContentInfo.DATA,
      content: new asn1js.OctetString({ valueHex: bytes }),
    });
    const token = Buffer.from(data.toSchema().toBER());
    await expect(verifyTimestampToken(token, { bytes, tsaCertificate })).rejects.toEqual(
      timestampError('malformed', /not CMS SignedData/),
    );
  });
});
