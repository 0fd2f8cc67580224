-- AlterTable
ALTER TABLE "Metric" ADD COLUMN     "definitionZh" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "labelZh" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "brandId" INTEGER;

-- CreateIndex
CREATE INDEX "AuditEntry_brandId_id_idx" ON "AuditEntry"("brandId", "id");


-- The seeded metrics' Chinese catalog, as in the SQLite migration 20261202000100_metric_chinese:
-- the seed never rewrites a metric it finds, so an existing catalog gets it here.
UPDATE "Metric" SET "labelZh" = '总收入', "definitionZh" = '本季度集团总收入，单位为十亿元人民币（国际财务报告准则）。' WHERE "key" = 'revenue';
UPDATE "Metric" SET "labelZh" = '经调整净利润', "definitionZh" = '本季度非国际财务报告准则经调整净利润（按公司定义），单位为十亿元人民币。' WHERE "key" = 'adjusted_net_profit';
UPDATE "Metric" SET "labelZh" = '全球智能手机月活跃用户', "definitionZh" = '小米智能手机操作系统（MIUI，后为小米澎湃OS）在本季度最后一个月的全球月活跃用户数，单位为百万。' WHERE "key" = 'mau';
UPDATE "Metric" SET "labelZh" = '中国大陆月活跃用户', "definitionZh" = '智能手机操作系统在本季度最后一个月的中国大陆月活跃用户数，单位为百万。' WHERE "key" = 'mau_china';
UPDATE "Metric" SET "labelZh" = '智能手机出货量', "definitionZh" = '本季度全球智能手机出货量，单位为百万台。' WHERE "key" = 'smartphone_shipments';
UPDATE "Metric" SET "labelZh" = '智能手机毛利率', "definitionZh" = '本季度智能手机分部的毛利率，单位为百分比；其变化以百分点计。' WHERE "key" = 'smartphone_gross_margin';
UPDATE "Metric" SET "labelZh" = '已连接 IoT 设备数', "definitionZh" = '季度末 AIoT 平台已连接的 IoT 设备数（不含智能手机、平板及笔记本电脑），单位为百万。' WHERE "key" = 'iot_devices';
UPDATE "Metric" SET "labelZh" = '拥有 5 件及以上设备的用户', "definitionZh" = '季度末在 AIoT 平台上连接五件及以上设备（不含智能手机、平板及笔记本电脑）的用户数，单位为百万。' WHERE "key" = 'iot_5plus_users';
UPDATE "Metric" SET "labelZh" = '米家 App 月活跃用户', "definitionZh" = '米家智能家居 App 在本季度最后一个月的月活跃用户数，单位为百万。' WHERE "key" = 'mijia_app_mau';
UPDATE "Metric" SET "labelZh" = '小爱同学月活跃用户', "definitionZh" = '小爱同学语音助手在本季度最后一个月的月活跃用户数，单位为百万。' WHERE "key" = 'xiao_ai_mau';
UPDATE "Metric" SET "labelZh" = '小米之家门店数', "definitionZh" = '中国大陆小米之家线下零售门店数，以季度末前后公布的数字为准。' WHERE "key" = 'retail_stores';
UPDATE "Metric" SET "labelZh" = '智能电动汽车交付量', "definitionZh" = '本季度交付的电动汽车数量。' WHERE "key" = 'ev_deliveries';
UPDATE "Metric" SET "labelZh" = '智能电动汽车等创新业务收入', "definitionZh" = '“智能电动汽车及其他创新业务”分部（2025 年起为“智能电动汽车、AI 及其他新业务”）的收入，单位为十亿元人民币。' WHERE "key" = 'ev_segment_revenue';
