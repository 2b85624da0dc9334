/**
 * Writes a FOCUS 1.0 CSV of AWS charges for the billing import benchmark:
 * the 44 columns of the FOCUS sample data plus AWS's x_UsageType and
 * x_Operation, hourly charge periods over one month, quoted text, NULL
 * literals and JSON tags as real exports write them. About 5 % of the rows
 * are Amazon Bedrock token charges, which the importer recognizes as AI.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const HEADER = [
  "AvailabilityZone", "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency",
  "BillingPeriodEnd", "BillingPeriodStart", "ChargeCategory", "ChargeClass", "ChargeDescription",
  "ChargeFrequency", "ChargePeriodEnd", "ChargePeriodStart", "CommitmentDiscountCategory",
  "CommitmentDiscountId", "CommitmentDiscountName", "CommitmentDiscountStatus",
  "CommitmentDiscountType", "ConsumedQuantity", "ConsumedUnit", "ContractedCost",
  "ContractedUnitPrice", "EffectiveCost", "InvoiceIssuerName", "ListCost", "ListUnitPrice",
  "PricingCategory", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName", "RegionId",
  "RegionName", "ResourceId", "ResourceName", "ResourceType", "ServiceCategory", "Id",
  "ServiceName", "SkuId", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags", "x_UsageType",
  "x_Operation",
];

interface Product {
  service: string;
  category: string;
  usageType: string;
  operation: string;
  unit: string;
  /** Price per unit in 10^-10 USD, so amounts are exact integers before formatting. */
  unitPrice: bigint;
  description: string;
}

const CLOUD_PRODUCTS: Product[] = [
  { service: "Amazon Elastic Compute Cloud", category: "Compute", usageType: "USW2-BoxUsage:m5.large", operation: "RunInstances", unit: "Hrs", unitPrice: 960_000_000n, description: "$0.096 per On Demand Linux m5.large Instance Hour" },
  { service: "Amazon Simple Storage Service", category: "Storage", usageType: "USW2-TimedStorage-ByteHrs", operation: "StandardStorage", unit: "GB-Mo", unitPrice: 230_000_000n, description: "$0.023 per GB - first 50 TB / month of storage used" },
  { service: "AWS Lambda", category: "Compute", usageType: "USW2-Lambda-GB-Second", operation: "Invoke", unit: "Lambda-GB-Second", unitPrice: 166_667n, description: "AWS Lambda - Total Compute - US West (Oregon)" },
  { service: "Amazon Simple Queue Service", category: "Integration", usageType: "USW2-Requests-Tier1", operation: "GetQueueAttributes", unit: "Requests", unitPrice: 4_000n, description: "$0.40 per million Amazon SQS standard requests in Tier1 in US West (Oregon)" },
  { service: "Elastic Load Balancing", category: "Networking", usageType: "USW2-LCUUsage", operation: "LoadBalancing:Application", unit: "LCU-Hours", unitPrice: 80_000_000n, description: "$0.008 per used Application load balancer capacity unit-hour (or partial hour)" },
];

const BEDROCK_PRODUCTS: Product[] = [
  { service: "Amazon Bedrock", category: "AI and Machine Learning", usageType: "USE1-Claude3.5Sonnet-input-tokens", operation: "InvokeModelInference", unit: "Tokens", unitPrice: 30_000n, description: "Claude 3.5 Sonnet input tokens" },
  { service: "Amazon Bedrock", category: "AI and Machine Learning", usageType: "USE1-Claude3.5Sonnet-output-tokens", operation: "InvokeModelInference", unit: "Tokens", unitPrice: 150_000n, description: "Claude 3.5 Sonnet output tokens" },
  { service: "Amazon Bedrock", category: "AI and Machine Learning", usageType: "USE1-NovaPro-input-tokens", operation: "InvokeModelInference", unit: "Tokens", unitPrice: 8_000n, description: "Nova Pro input tokens" },
];

const ACCOUNTS = ["51738928782", "43883916739", "86629318430", "21507725418"];
const TAGS = [
  "NULL",
  '"{""application"": ""BrightLensMatrix"", ""environment"": ""dev""}"',
  '"{""application"": ""LedgerAgents"", ""environment"": ""prod"", ""business_unit"": ""Finance""}"',
];

/** A small linear congruential generator, so a given seed always writes the same file. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Formats 10^-10 USD units as a decimal with 10 fraction digits, as the sample data writes them. */
function formatTenths(units: bigint): string {
  const text = units.toString().padStart(11, "0");
  return `${text.slice(0, -10)}.${text.slice(-10)}`;
}

function formatHour(base: number, hour: number): string {
  return new Date(base + hour * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** Builds the CSV line of row `index`; about one row in twenty is a Bedrock charge. */
function formatRow(index: number, random: () => number): string {
  const monthStart = Date.UTC(2024, 8, 1);
  const hour = Math.floor(random() * 30 * 24);
  const isAi = random() < 0.05;
  const products = isAi ? BEDROCK_PRODUCTS : CLOUD_PRODUCTS;
  const product = products[Math.floor(random() * products.length)]!;
  const quantity = BigInt(1 + Math.floor(random() * (isAi ? 200_000 : 50)));
  const list = quantity * product.unitPrice;
  const effective = (list * 9n) / 10n;
  const account = ACCOUNTS[index % ACCOUNTS.length]!;
  const region = isAi ? "us-east-1" : "us-west-2";
  const values = [
    "NULL", formatTenths(list), '"1234567890123"', '"SunBird"', '"USD"',
    '"2024-10-01 00:00:00"', '"2024-09-01 00:00:00"', '"Usage"', "NULL", `"${product.description}"`,
    '"Usage-Based"', `"${formatHour(monthStart, hour + 1)}"`, `"${formatHour(monthStart, hour)}"`,
    "NULL", "NULL", "NULL", "NULL", "NULL", `${quantity}.000000000000000`, `"${product.unit}"`,
    formatTenths(effective), "0.0000000000", formatTenths(effective), '"Amazon Web Services, Inc."',
    formatTenths(list), `"${formatTenths(product.unitPrice)}"`, '"Standard"', `${quantity}.00000000000`,
    `"${product.unit}"`, '"AWS"', '"Amazon Web Services, Inc."', `"${region}"`,
    isAi ? '"US East (N. Virginia)"' : '"US West (Oregon)"',
    `"arn:aws:${isAi ? "bedrock" : "ec2"}:${region}:${account}:resource/r-${index.toString(36)}"`,
    "NULL", "NULL", `"${product.category}"`, String(index + 1), `"${product.service}"`,
    '"G95FST5FTYV3JSRX"', '"G95FST5FTYV3JSRX.JRTCKXETXF.VXGXCWQKTY"', `"${account}"`, '"Atlas Nimbus"',
    TAGS[index % TAGS.length]!, `"${product.usageType}"`, `"${product.operation}"`,
  ];
  return values.join(",");
}

/** Writes `rows` rows to `path` and returns the file's size in bytes. */
export async function writeFocusFile(path: string, rows: number, seed = 7): Promise<number> {
  const random = createRandom(seed);
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`${HEADER.map((name) => `"${name}"`).join(",")}\n`);
  const chunk: string[] = [];
  for (let index = 0; index < rows; index += 1) {
    chunk.push(formatRow(index, random));
    if (chunk.length === 1_000) {
      await write(`${chunk.join("\n")}\n`);
      chunk.length = 0;
    }
  }
  if (chunk.length > 0) await write(`${chunk.join("\n")}\n`);
  out.end();
  await once(out, "finish");
  return bytes;
}
