package dev.mdnp.model.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.mdnp.model.inspect.KernelOpRecord;
import dev.mdnp.model.inspect.PhaseTimings;
import dev.mdnp.model.inspect.RequestRecord;
import java.io.IOException;

/**
 * Writes a {@link RequestRecord} with its phases and kernel operations field by field, the same JSON Jackson writes for
 * records ({@code RequestRecordSerializerTest} holds it to that), without reflection and with its field names encoded
 * once. The daemon writes every call's record once per event stream and once for the request log file.
 */
final class RequestRecordSerializer extends StdSerializer<RequestRecord> {

    private static final SerializedString SEQ = new SerializedString("seq");
    private static final SerializedString START = new SerializedString("start");
    private static final SerializedString METHOD = new SerializedString("method");
    private static final SerializedString NETWORK_ID = new SerializedString("networkId");
    private static final SerializedString ENDPOINT_ID = new SerializedString("endpointId");
    private static final SerializedString STATUS = new SerializedString("status");
    private static final SerializedString ERROR = new SerializedString("error");
    private static final SerializedString REQUEST_JSON = new SerializedString("requestJson");
    private static final SerializedString RESPONSE_JSON = new SerializedString("responseJson");
    private static final SerializedString DURATION_MICROS = new SerializedString("durationMicros");
    private static final SerializedString PHASES = new SerializedString("phases");
    private static final SerializedString KERNEL_OPS = new SerializedString("kernelOps");
    private static final SerializedString DECODE_MICROS = new SerializedString("decodeMicros");
    private static final SerializedString DRIVER_MICROS = new SerializedString("driverMicros");
    private static final SerializedString KERNEL_MICROS = new SerializedString("kernelMicros");
    private static final SerializedString STORE_MICROS = new SerializedString("storeMicros");
    private static final SerializedString ENCODE_MICROS = new SerializedString("encodeMicros");
    private static final SerializedString OPERATION = new SerializedString("operation");
    private static final SerializedString TARGET = new SerializedString("target");

    RequestRecordSerializer() {
        super(RequestRecord.class);
    }

    @Override
    public void serialize(RequestRecord record, JsonGenerator generator, SerializerProvider provider)
            throws IOException {
        generator.writeStartObject(record);
        field(generator, SEQ, record.seq());
        generator.writeFieldName(START);
        provider.defaultSerializeValue(record.start(), generator);
        field(generator, METHOD, record.method());
        field(generator, NETWORK_ID, record.networkId());
        field(generator, ENDPOINT_ID, record.endpointId());
        field(generator, STATUS, record.status());
        field(generator, ERROR, record.error());
        field(generator, REQUEST_JSON, record.requestJson());
        field(generator, RESPONSE_JSON, record.responseJson());
        field(generator, DURATION_MICROS, record.durationMicros());
        generator.writeFieldName(PHASES);
        writePhases(record.phases(), generator);
        generator.writeFieldName(KERNEL_OPS);
        generator.writeStartArray();
        for (KernelOpRecord op : record.kernelOps()) {
            writeKernelOp(op, generator);
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private static void writePhases(PhaseTimings phases, JsonGenerator generator) throws IOException {
        generator.writeStartObject(phases);
        field(generator, DECODE_MICROS, phases.decodeMicros());
        field(generator, DRIVER_MICROS, phases.driverMicros());
        field(generator, KERNEL_MICROS, phases.kernelMicros());
        field(generator, STORE_MICROS, phases.storeMicros());
        field(generator, ENCODE_MICROS, phases.encodeMicros());
        generator.writeEndObject();
    }

    private static void writeKernelOp(KernelOpRecord op, JsonGenerator generator) throws IOException {
        generator.writeStartObject(op);
        field(generator, OPERATION, op.operation());
        field(generator, TARGET, op.target());
        field(generator, DURATION_MICROS, op.durationMicros());
        field(generator, ERROR, op.error());
        generator.writeEndObject();
    }

    private static void field(JsonGenerator generator, SerializableString name, long value) throws IOException {
        generator.writeFieldName(name);
        generator.writeNumber(value);
    }

    private static void field(JsonGenerator generator, SerializableString name, String value) throws IOException {
        generator.writeFieldName(name);
        generator.writeString(value);
    }
}
